namespace Portal.Core.Import;

/// <summary>
/// Bad import input. The message names the file and, where known, the line, as
/// <c>file:line: what is wrong</c>, so an operator can go straight to it.
/// </summary>
public sealed class ImportException : Exception
{
    public ImportException(string file, int? line, string problem)
        : base(line is null ? $"{file}: {problem}" : $"{file}:{line}: {problem}")
    {
        File = file;
        Line = line;
    }

    public ImportException(string file, int? line, string problem, Exception innerException)
        : base(line is null ? $"{file}: {problem}" : $"{file}:{line}: {problem}", innerException)
    {
        File = file;
        Line = line;
    }

    /// <summary>The file that holds the problem, as given to the importer.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the problem, or null when it concerns the whole file.</summary>
    public int? Line { get; }
}
