using System.Text;
using System.Text.RegularExpressions;

namespace MelanomaExp.Tests.Fixtures;

/// <summary>
/// The screen a terminal would show after some output: enough of a VT100 to replay what Spectre.Console's live display
/// writes (carriage return, line feed, cursor up, erase line, colours ignored), so a test can read the rows a person sees.
/// </summary>
public sealed partial class TerminalScreen
{
    private readonly List<StringBuilder> _rows = [new()];
    private readonly int _columns;
    private int _row;
    private int _column;

    public TerminalScreen(int columns) => _columns = columns;

    public IReadOnlyList<string> Rows => [.. _rows.Select(r => r.ToString().TrimEnd())];

    public static TerminalScreen Replay(string output, int columns)
    {
        var screen = new TerminalScreen(columns);
        var i = 0;
        while (i < output.Length)
        {
            var escape = Escape().Match(output, i);
            if (escape.Success && escape.Index == i)
            {
                screen.Control(escape.Groups[1].Value, escape.Groups[2].Value);
                i += escape.Length;
                continue;
            }
            screen.Put(output[i++]);
        }
        return screen;
    }

    private void Control(string argument, string command)
    {
        var n = int.TryParse(argument.TrimStart('?'), out var v) ? v : 0;
        switch (command)
        {
            case "A":
                _row = Math.Max(0, _row - Math.Max(1, n));
                break;
            case "B":
                _row += Math.Max(1, n);
                Grow();
                break;
            case "G":
                _column = Math.Max(0, n - 1);
                break;
            case "K":
                var row = _rows[_row];
                if (n == 2)
                {
                    row.Clear();
                }
                else if (_column < row.Length)
                {
                    row.Length = _column;
                }
                break;
            default:
                // Colours (m), cursor visibility (?25l/h), keypad modes: nothing a reader sees.
                break;
        }
    }

    private void Put(char c)
    {
        switch (c)
        {
            case '\r':
                _column = 0;
                return;
            case '\n':
                _row++;
                Grow();
                return;
            case '\u001b' or '\a':
                return;
        }
        if (_column >= _columns)
        {
            // A real terminal wraps; a line that long is what the test is looking for, so keep it visible on the next row.
            _row++;
            _column = 0;
            Grow();
        }
        var line = _rows[_row];
        while (line.Length < _column)
        {
            line.Append(' ');
        }
        if (_column < line.Length)
        {
            line[_column] = c;
        }
        else
        {
            line.Append(c);
        }
        _column++;
    }

    private void Grow()
    {
        while (_rows.Count <= _row)
        {
            _rows.Add(new StringBuilder());
        }
    }

    [GeneratedRegex(@"\u001b(?:\[([0-9;?]*)([A-Za-z])|([=>]))")]
    private static partial Regex Escape();
}
