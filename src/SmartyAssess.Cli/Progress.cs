namespace SmartyAssess.Cli;

/// <summary>A progress bar on standard error for long runs; plain lines when standard error is not a terminal.</summary>
internal sealed class Progress(int total, string label)
{
    private int _done;

    public void Step(string detail)
    {
        _done++;
        if (Console.IsErrorRedirected)
        {
            Console.Error.WriteLine($"{label}: {_done}/{total} {detail}");
            return;
        }

        const int width = 30;
        var filled = (int)Math.Round(width * _done / (double)total);
        Console.Error.Write($"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {_done}/{total} {detail}".PadRight(Console.WindowWidth > 0 ? Math.Min(Console.WindowWidth - 1, 110) : 110));
        if (_done == total)
        {
            Console.Error.WriteLine();
        }
    }
}
