namespace HiiaPublish.Cli.Commands;

public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr);
}
