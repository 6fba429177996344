using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace ArticleIndexer.Operations.Tests.Support;

/// <summary>
/// A disk with a given number of free bytes, in front of the real file-system directory of an index: every byte the
/// index writes is taken from the free space, and a write that does not fit throws what a full disk throws
/// (<see cref="IOException"/>, "No space left on device"). <see cref="Free"/> makes room again. Reads, and files
/// written outside Lucene (the problem list, the line repeats), are not affected.
/// </summary>
internal sealed class FullDisk
{
    private long free = long.MaxValue;
    private long written;
    private int refusals;

    /// <summary>Bytes written since this disk was made.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>How many writes were refused.</summary>
    public int Refusals => Volatile.Read(ref refusals);

    /// <summary>Leaves <paramref name="bytes"/> free: later writes fail once they are used up.</summary>
    public void Fill(long bytes = 0) => Interlocked.Exchange(ref free, bytes);

    /// <summary>Frees the disk.</summary>
    public void Free() => Interlocked.Exchange(ref free, long.MaxValue);

    /// <summary>Opens the index folder <paramref name="path"/> on this disk (<see cref="Core.Pipeline.ArticlePipeline.OpenDirectory"/>).</summary>
    public LuceneDirectory Open(string path) => new Disk(FSDirectory.Open(path), this);

    private void Take(long bytes, string file)
    {
        while (true)
        {
            var left = Volatile.Read(ref free);
            if (left < bytes)
            {
                Interlocked.Increment(ref refusals);
                throw new IOException($"No space left on device : '{file}'");
            }

            if (left == long.MaxValue || Interlocked.CompareExchange(ref free, left - bytes, left) == left)
            {
                Interlocked.Add(ref written, bytes);
                return;
            }
        }
    }

    private sealed class Disk(LuceneDirectory inner, FullDisk disk) : FilterDirectory(inner)
    {
        public override IndexOutput CreateOutput(string name, IOContext context)
        {
            disk.Take(0, name);
            return new Output(base.CreateOutput(name, context), disk, name);
        }
    }

    private sealed class Output(IndexOutput inner, FullDisk disk, string name) : IndexOutput
    {
        public override long Position => inner.Position;

        public override long Checksum => inner.Checksum;

        public override long Length
        {
            get => inner.Length;
            set => inner.Length = value;
        }

        public override void WriteByte(byte b)
        {
            disk.Take(1, name);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            disk.Take(length, name);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        [Obsolete("Lucene marks it obsolete; forwarded as it is.")]
        public override void Seek(long pos) => inner.Seek(pos);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
    }
}
