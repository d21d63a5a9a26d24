using SeedreamBot.Bench.LoadDriver;

// Progress goes to stderr; the markdown (targets, then details) to stdout.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadDriverOptions.Usage);
    return 0;
}

LoadDriverOptions options;
try
{
    options = LoadDriverOptions.Parse(args);
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync(exception.Message + Environment.NewLine + Environment.NewLine + LoadDriverOptions.Usage).ConfigureAwait(false);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

try
{
    var report = await LoadDriverRun.RunAsync(options, Console.Error, stop.Token).ConfigureAwait(false);
    Console.WriteLine("| Target | Measured | Result |");
    Console.WriteLine("|---|---|---|");
    Console.Write(report.TargetRows());
    Console.WriteLine();
    Console.Write(report.Details());
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("Stopped.").ConfigureAwait(false);
    return 130;
}
catch (Exception exception) when (exception is TimeoutException or InvalidOperationException or FileNotFoundException)
{
    await Console.Error.WriteLineAsync("The load driver failed: " + exception.Message).ConfigureAwait(false);
    return 1;
}
