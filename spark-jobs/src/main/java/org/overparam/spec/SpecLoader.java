package org.overparam.spec;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a sweep spec (YAML) and validates it completely: a returned {@link SweepSpec} can be run as is. */
public final class SpecLoader {

    private SpecLoader() {
    }

    /**
     * @throws SpecError listing every problem found (malformed YAML with line and column, unknown keys with
     *                   the closest known one, wrong types, broken rules, invalid points)
     */
    public static SweepSpec parse(String yaml) {
        return SpecReader.read(yaml);
    }

    /** {@link #parse} of a file's UTF-8 text; an unreadable file is a {@link SpecError} too. */
    public static SweepSpec load(Path path) {
        return parse(read(path));
    }

    /** A spec file's UTF-8 text; an unreadable file is a {@link SpecError}. */
    public static String read(Path path) {
        String text;
        try {
            if (Files.isDirectory(path)) {
                throw new SpecError("", null, path + ": is a directory, not a spec file");
            }
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new SpecError("", null, path + ": no such spec file");
        } catch (MalformedInputException e) {
            throw new SpecError("", null, path + ": not UTF-8 text");
        } catch (IOException e) {
            throw new SpecError("", null, path + ": cannot read the spec (" + e.getMessage() + ")");
        }
        return text;
    }
}
