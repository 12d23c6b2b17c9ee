package org.w3id.sijill.tdb2;

import org.apache.jena.dboe.base.file.BinaryDataFile;
import org.apache.thrift.TConfiguration;
import org.apache.thrift.transport.TTransport;
import org.apache.thrift.transport.TTransportException;

/**
 * A TDB2 node file read a block at a time: the store's own reader asks the file for each of the
 * few bytes its decoder needs (two system calls each, dozens per node), which made decoding a
 * few hundred thousand claims and labels take most of a minute. Nodes are read as the store
 * writes them (an RDF Thrift term at the node id's place), each block read under the node
 * table's lock, as the store's own reads are. Reading forward (node ids in ascending order) reads
 * each block once.
 */
final class NodeFile extends TTransport {
    /** The block size for reading forward. */
    static final int BLOCK = 1 << 16;
    private final int block;
    private final BinaryDataFile data;
    private final Object lock;
    private final long length;
    private byte[] buffer;
    private long start;
    private int limit;
    private long position;

    /** @param block bytes read at a time: small for reads here and there, {@link #BLOCK} for reading forward */
    NodeFile(BinaryDataFile data, Object lock, int block) {
        this.data = data;
        this.lock = lock;
        this.block = block;
        this.buffer = new byte[block];
        synchronized (lock) {
            this.length = data.length();
        }
    }

    void seek(long at) {
        position = at;
    }

    @Override
    public int read(byte[] into, int offset, int len) throws TTransportException {
        if (position < start || position + len > start + limit) fill(len);
        int n = (int) Math.min(len, start + limit - position);
        if (n <= 0) throw new TTransportException(TTransportException.END_OF_FILE, "past the end of the node file at " + position);
        System.arraycopy(buffer, (int) (position - start), into, offset, n);
        position += n;
        return n;
    }

    private void fill(int len) {
        int size = Math.max(block, len);
        if (buffer.length < size) buffer = new byte[size];
        int want = (int) Math.max(0, Math.min(size, length - position));
        int got = 0;
        synchronized (lock) {
            while (got < want) {
                int n = data.read(position + got, buffer, got, want - got);
                if (n <= 0) break;
                got += n;
            }
        }
        start = position;
        limit = got;
    }

    @Override public boolean isOpen() { return true; }
    @Override public void open() { /* opened by the store */ }
    @Override public void close() { /* closed by the store */ }
    @Override public void write(byte[] buf, int off, int len) throws TTransportException {
        throw new TTransportException("the node file is read-only here");
    }
    @Override public TConfiguration getConfiguration() { return TConfiguration.DEFAULT; }
    @Override public void updateKnownMessageSize(long size) { /* no limit: the store wrote these terms */ }
    @Override public void checkReadBytesAvailable(long numBytes) { /* as above */ }
}
