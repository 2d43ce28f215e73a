/**
 * The {@code overparam} command line: {@link org.overparam.cli.Overparam} and one class per subcommand.
 * Exit codes: 0 success, 2 bad input (spec or options), 1 internal error. Errors are one line each on stderr,
 * {@code overparam: <message>}; bad input never shows a stack trace.
 */
package org.overparam.cli;
