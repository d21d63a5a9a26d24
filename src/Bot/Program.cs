Console.WriteLine("SeedreamBot");
