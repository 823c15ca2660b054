using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SmartyAssess.Recommender.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
