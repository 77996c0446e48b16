using MelanomaExp.Tests.Fixtures;

namespace MelanomaExp.Tests;

/// <summary>
/// The library's folders are layers: each uses only folders below it, so a newcomer can read it bottom up and change
/// one layer without the ones beneath noticing. docs/architecture.md draws the layers.
/// </summary>
public class LayeringTests
{
    private static readonly string Library = Path.Combine(RepoPaths.Root, "src", "MelanomaExp");

    [Fact]
    public void No_folder_of_the_library_depends_on_itself_through_others()
    {
        var graph = FolderGraph.Read(Library);
        Assert.NotEmpty(graph.Edges);
        var cycle = graph.FindCycle();
        Assert.True(cycle is null, cycle is null ? "" : $"folder cycle {string.Join(" -> ", cycle)}: {graph.Explain(cycle)}");
    }

    [Theory]
    [InlineData("Config", "using MelanomaExp.Running;\nnamespace MelanomaExp.Config;\ninternal static class Back { }\n")]
    [InlineData("Config", "namespace MelanomaExp.Config;\ninternal static class Back { public static object Of() => Models.Architectures.BuiltIn; }\n")]
    [InlineData("", "namespace MelanomaExp;\ninternal static class Back { public static string Of() => Reporting.MarkdownReport.Render(null!); }\n")]
    public void A_back_edge_added_to_the_real_tree_is_found(string folder, string source)
    {
        using var copy = new TempDir();
        foreach (var file in Directory.EnumerateFiles(Library, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var target = copy.Combine(Path.GetRelativePath(Library, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        Assert.Null(FolderGraph.Read(copy.Path).FindCycle());
        File.WriteAllText(copy.Combine(folder, "Back.cs"), source);
        var cycle = FolderGraph.Read(copy.Path).FindCycle();
        Assert.NotNull(cycle);
        Assert.Equal(cycle[0], cycle[^1]);
    }

    [Fact]
    public void The_root_folder_types_count_as_used_without_a_using_directive()
    {
        using var tree = new TempDir();
        Directory.CreateDirectory(tree.Combine("Low"));
        File.WriteAllText(tree.Combine("Top.cs"), "using MelanomaExp.Low;\nnamespace MelanomaExp;\npublic sealed class Top { public Thing T = new(); }\n");
        // Low names the root's type Top only by its simple name (and in a comment and a string, which do not count).
        File.WriteAllText(tree.Combine("Low", "Thing.cs"), "namespace MelanomaExp.Low;\n// Top\npublic sealed class Thing { public string S = \"Top\"; public Top? Up; }\n");
        Assert.Equal(["(root)", "Low", "(root)"], FolderGraph.Read(tree.Path).FindCycle());
    }
}
