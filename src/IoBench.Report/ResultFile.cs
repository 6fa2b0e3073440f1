namespace IoBench.Report;

/// <summary>Writes a result file atomically: the text goes to a temporary file first, which then replaces the file, so a
/// failed run never leaves a half-written report behind.</summary>
public static class ResultFile
{
    public static string Write(string folder, string fileName, string text)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        var temporary = path + ".partial";
        File.WriteAllText(temporary, text);
        File.Move(temporary, path, overwrite: true);
        return path;
    }
}
