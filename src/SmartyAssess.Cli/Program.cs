using SmartyAssess.Cli;
using SmartyAssess.Cli.Commands;

const string Usage = """
    smartyassess <command> [--option value ...]

      simulate   --seed N --smes 300 --out <dir> [--practices 40] [--impressions 8] [--catalogue data]
      evaluate   --data <dir> --seeds 10 [--out <dir>] [hyperparameters]
      train      --data <dir> --out models/<file> [hyperparameters]
      train      --data <database> --out <file> [--publish] [--catalogue data] [--min-firms 20] [--min-gain 0]
                 (database: a SQLite file, or a PostgreSQL connection string with Host=...)
      ratings-cv --input <file> --folds 5 --seed 42 [hyperparameters]
      ceiling    --data <dir>   (trains on the planted truth: what the model can represent)

      seed-demo  --data <database> --firms 1000 [--seed 1] [--force] [--catalogue data]
                 (made-up firms for demonstrations and benchmarks; refuses a database with real
                  assessments unless --force; start the web app against the database once first)

      hubs add   --data <database> --name "…" --country IT --regions ITI1,ITI4 [--slug …]
      users add  --data <database> --email … --role Advisor|PartnerAnalyst|Admin [--hub <page name or share code>] [--region ITI1,…]
      users reset-password --data <database> --email …
      users disable        --data <database> --email …
                 (a password is read from standard input when it is redirected; otherwise one is
                  generated and printed once)

    hyperparameters: --factors --learning-rate --lambda-weights --lambda-latent --lambda-ids
                     --epochs --patience --negatives --seed --kappa
                     --interactions u.sector,u.size,i.theme   (feature kinds with latent vectors, or '*';
                                                               ratings-cv always uses '*')
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 1 : 0;
}

try
{
    if (args[0] is "hubs" or "users")
    {
        if (args.Length < 2)
        {
            throw new UsageException($"'{args[0]}' needs a command, e.g. '{args[0]} add'.");
        }

        var accountOptions = new Arguments(args.Skip(2));
        return args[0] == "hubs"
            ? await AccountCommands.HubsAsync(args[1], accountOptions, Console.In, Console.Out)
            : await AccountCommands.UsersAsync(args[1], accountOptions, Console.In, Console.IsInputRedirected, Console.Out);
    }

    var options = new Arguments(args.Skip(1));
    if (args[0] == "seed-demo")
    {
        return await SeedDemoCommand.RunAsync(options, Console.Out);
    }

    return args[0] switch
    {
        "simulate" => SimulateCommand.Run(options),
        "evaluate" => EvaluateCommand.Run(options),
        "train" => TrainCommand.Run(options),
        "ratings-cv" => RatingsCvCommand.Run(options),
        "ceiling" => CeilingCommand.Run(options),
        _ => throw new UsageException($"Unknown command '{args[0]}'."),
    };
}
catch (CommandFailedException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException
    or SmartyAssess.Recommender.ModelFileException
    or SmartyAssess.Assessment.Catalogue.CatalogueValidationException
    or SmartyAssess.Assessment.Questionnaires.QuestionnaireValidationException
    or Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
