namespace ArticleIndexer.Operations.Tests.Support;

/// <summary>
/// A fresh folder under the system temp folder, deleted with everything in it on dispose. A copy of the Worker tests'
/// helper (test projects do not share their Support/ folders yet).
/// </summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "ArticleIndexer.Operations.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
