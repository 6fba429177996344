namespace ArticleIndexer.Cli.Tests.Support;

/// <summary>The ids of the repository's seed articles.</summary>
public static class Seeds
{
    /// <summary>Kent MP, Dover, Natacha Bouchart.</summary>
    public const string Dover000 = "000_5299f0aba0280723";

    /// <summary>Ministers agree to toughen security at Calais; says "Britain", never "UK".</summary>
    public const string Toughen001 = "001_107a39653ce63145";

    /// <summary>France and Britain agree to discourage migrants; ferry strike.</summary>
    public const string Agree002 = "002_d2c7afcb3d37713f";

    /// <summary>"France, Britain agree to stop migrant flow".</summary>
    public const string Flow003 = "003_dddbabfa66241e60";

    /// <summary>"UK and France announce joint police command to tackle people-smugglers"; Dunkirk.</summary>
    public const string Command004 = "004_a93e7030bcac155f";

    public static readonly string[] All = [Dover000, Toughen001, Agree002, Flow003, Command004];
}
