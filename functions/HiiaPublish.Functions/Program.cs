using HiiaPublish.Functions;
using Microsoft.Extensions.Hosting;

FunctionsHost.CreateBuilder(args).Build().Run();
