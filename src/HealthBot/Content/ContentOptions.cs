using System.ComponentModel.DataAnnotations;

namespace HealthBot.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The content folder. Relative paths are tried from the working directory, then upwards from the program's folder.</summary>
    [Required]
    public string Directory { get; set; } = "content";

    /// <summary>Reload content when files change, without a restart.</summary>
    public bool WatchForChanges { get; set; } = true;

    public string ResolveDirectory()
    {
        if (Path.IsPathRooted(Directory) || System.IO.Directory.Exists(Directory))
        {
            return Path.GetFullPath(Directory);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Directory);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.GetFullPath(Directory);
    }
}
