using System.Globalization;
using CsvHelper;

namespace MelanomaExp.Data.Groups;

/// <summary>A metadata CSV read as file name -> group.</summary>
internal static class GroupTable
{
    public static Dictionary<string, string> Read(string path, string fileColumn, string groupColumn)
    {
        if (!File.Exists(path))
        {
            throw new BadInputException($"{path}: data.groups.csv: file not found");
        }
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new BadInputException($"{path}: data.groups.csv: the file has no header row");
        }
        foreach (var column in new[] { fileColumn, groupColumn })
        {
            if (!header.Contains(column))
            {
                throw new BadInputException($"{path}: data.groups: column '{column}' not found (columns: {string.Join(", ", header)})");
            }
        }
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var file = csv.GetField(fileColumn) ?? "";
            var group = csv.GetField(groupColumn) ?? "";
            if (file.Length > 0 && group.Length > 0 && !table.TryAdd(file, group) && table[file] != group)
            {
                throw new BadInputException($"{path}: line {csv.Parser.Row}: '{file}' is listed with two groups ('{table[file]}' and '{group}')");
            }
        }
        return table;
    }
}
