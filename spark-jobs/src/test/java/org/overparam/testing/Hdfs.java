package org.overparam.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * A real HDFS for tests: one NameNode and one DataNode in this JVM (Hadoop's MiniDFSCluster, from the shaded
 * minicluster of Spark's Hadoop version), listening on 127.0.0.1 only, its storage under a test directory.
 */
public final class Hdfs implements AutoCloseable {

    private final MiniDFSCluster cluster;

    private Hdfs(MiniDFSCluster cluster) {
        this.cluster = cluster;
    }

    public static Hdfs start(Path base) {
        Configuration conf = new Configuration();
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-address", "127.0.0.1:0");
        conf.set("dfs.datanode.address", "127.0.0.1:0");
        conf.set("dfs.datanode.http.address", "127.0.0.1:0");
        conf.set("dfs.datanode.ipc.address", "127.0.0.1:0");
        conf.setBoolean("dfs.permissions.enabled", false);
        try {
            return new Hdfs(new MiniDFSCluster.Builder(conf, base.toFile()).numDataNodes(1)
                    .format(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a MiniDFSCluster", e);
        }
    }

    /** {@code hdfs://127.0.0.1:PORT/} + {@code path}. */
    public String uri(String path) {
        return "hdfs://127.0.0.1:" + cluster.getNameNodePort() + "/" + path;
    }

    @Override
    public void close() {
        cluster.shutdown(true);
    }
}
