namespace ArticleIndexer.Core.Entities;

/// <summary>
/// Hand-written word lists of the rule-based recogniser: titles and roles, organisation heads, speech verbs and the
/// place names a gazetteer of populated places lacks (continents, the nations of the United Kingdom). Kept short
/// and general on purpose: anything specific to one corpus belongs in data, not here.
/// </summary>
internal static class Lexicon
{
    /// <summary>Words that, before a name, say who the person is. A name may follow directly ("Mr Cazeneuve").</summary>
    public static readonly HashSet<string> HeadTitles = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady", "Baroness", "Baron", "Prof", "Professor",
        "Rev", "Reverend", "Father", "Sister", "Brother", "President", "Chancellor", "King", "Queen", "Prince", "Princess",
        "Pope", "Judge", "Justice", "Senator", "Sen", "Rep", "Representative", "Congressman", "Congresswoman", "Governor",
        "Gov", "General", "Gen", "Colonel", "Col", "Captain", "Capt", "Lieutenant", "Sergeant", "Sgt", "Inspector",
        "Detective", "Constable", "Officer", "Commissioner", "Mayor", "Minister", "Secretary", "Ambassador", "Premier",
        "Chairman", "Chairwoman", "Chair", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Archbishop", "Bishop",
        "Cardinal", "Sheikh", "Emir", "Sultan", "Ayatollah", "MP", "MEP", "Councillor", "Cllr", "Chief", "Admiral",
        "Coach", "Manager", "Leader", "Deputy", "Attorney", "Solicitor", "Commander", "Editor", "Correspondent",
    };

    /// <summary>Words that qualify a title ("Home Secretary", "Interior Minister") but are not a title alone.</summary>
    public static readonly HashSet<string> TitleModifiers = new(StringComparer.Ordinal)
    {
        "Prime", "Deputy", "Vice", "Foreign", "Home", "Interior", "Immigration", "Defence", "Defense", "Finance",
        "Health", "Education", "Transport", "Environment", "Trade", "Economy", "Economic", "Energy", "Culture",
        "Security", "State", "Shadow", "Acting", "Former", "Junior", "Senior", "Executive", "Chief", "General",
        "Justice", "Labour", "Conservative", "Democratic", "Republican", "Opposition", "Police", "Army", "Navy",
        "European", "Cabinet", "Treasury", "Agriculture", "Housing", "Communities", "Brexit", "Europe", "Sports",
        "Sport", "Culture", "Development", "Interior", "Fisheries", "Justice", "Press", "Government", "Party",
        "Union", "Council", "Borough", "County", "City", "Town", "Club", "Team", "Managing", "Assistant", "Lord",
        "High", "Supreme", "First", "Second", "Attorney", "Solicitor", "Foreign", "Migration", "Refugee", "Border",
    };

    /// <summary>Last words that make a capitalised phrase an organisation ("Home Office", "Transport Ministry").</summary>
    public static readonly HashSet<string> OrganizationHeads = new(StringComparer.Ordinal)
    {
        "Office", "Ministry", "Department", "Agency", "Council", "Commission", "Committee", "Party", "Union", "Nations",
        "Bank", "Corporation", "Corp", "Inc", "Ltd", "Limited", "Plc", "PLC", "LLC", "Group", "Company", "Co",
        "Association", "Federation", "Institute", "University", "College", "Police", "Army", "Navy", "Court",
        "Parliament", "Assembly", "Senate", "Congress", "Organisation", "Organization", "Authority", "Trust",
        "Foundation", "Society", "Club", "Airlines", "Airways", "Times", "Post", "Herald", "Guardian", "Telegraph",
        "Journal", "Bureau", "Board", "Network", "Tribunal", "Cabinet", "Force", "Forces", "Service", "Services",
        "Alliance", "Coalition", "Movement", "Front", "Brigade", "Brigades", "Church", "Hospital", "Institution",
        "Fund", "Exchange", "Holdings", "Industries", "Motors", "Systems", "Technologies", "Studios", "Records",
        "Museum", "Secretariat", "Patrol", "Guard", "Programme", "Program", "Executive",
    };

    /// <summary>Organisations known by a short name alone.</summary>
    public static readonly HashSet<string> KnownOrganizations = new(StringComparer.Ordinal)
    {
        "EU", "UN", "NATO", "Nato", "NHS", "BBC", "ITV", "CNN", "FBI", "CIA", "IMF", "OECD", "OPEC", "WHO", "UNHCR",
        "UNICEF", "UNESCO", "Interpol", "Europol", "Frontex", "Reuters", "Xinhua", "AFP", "Bloomberg", "Eurostar",
        "Eurotunnel", "FIFA", "UEFA", "IOC", "WTO", "ECB", "Fed", "Nasa", "NASA", "Google", "Apple", "Microsoft",
        "Amazon", "Facebook", "Twitter", "Meta", "Toyota", "Volkswagen", "Boeing", "Airbus", "Labour", "Tories",
        "Conservatives", "Hamas", "Hezbollah", "Taliban", "ISIS", "Isis", "Kremlin", "Pentagon",
    };

    /// <summary>Last words that make a name a company's, even when the tagger took it for a person: "General Motors
    /// Corp" is no General called Motors Corp.</summary>
    public static readonly HashSet<string> CompanySuffixes = new(StringComparer.Ordinal)
    {
        "Corp", "Corporation", "Inc", "Incorporated", "Ltd", "Limited", "Plc", "PLC", "LLC", "Co", "Company", "Group",
        "Holdings", "Industries", "Bancorp", "AG", "GmbH", "NV", "SpA",
    };

    /// <summary>Last words that make a name a company's without being a legal form, and that are nobody's surname:
    /// "General Motors" is no General called Motors.</summary>
    public static readonly HashSet<string> CompanyWords = new(CompanySuffixes.Concat(
    [
        "Motors", "Motor", "Electric", "Dynamics", "Airlines", "Airways", "Petroleum", "Chemical", "Chemicals", "Foods",
        "Systems", "Technologies", "Securities", "Insurance", "Partners", "Pharmaceuticals", "Semiconductor",
        "Communications", "Electronics", "Enterprises", "Resources", "Energy", "Bank", "Bancorporation",
    ]), StringComparer.Ordinal);

    /// <summary>Other names of organisations known by a short name: Reuters signed its 1980s wire copy "REUTER".</summary>
    public static readonly Dictionary<string, string> OrganizationAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Reuter"] = "Reuters",
        ["Reuters"] = "Reuters",
    };

    /// <summary>Words that open a sentence and are never a name alone ("Moreover, the bank said").</summary>
    public static readonly HashSet<string> SentenceAdverbs = new(StringComparer.Ordinal)
    {
        "Moreover", "However", "Meanwhile", "Furthermore", "Nevertheless", "Nonetheless", "Therefore", "Thus", "Hence",
        "Separately", "Additionally", "Consequently", "Accordingly", "Instead", "Likewise", "Otherwise",
    };

    /// <summary>The row labels of wire earnings tables ("Revs 28.2 mln vs 27.9 mln", "Nine mths", "Shr 2.27 dlrs"),
    /// never a name nor the end of one.</summary>
    public static readonly HashSet<string> TableLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "Revs", "Shr", "Shrs", "Mths", "Qtr", "Qtrs", "Oper", "Avg", "Dlrs", "Cts", "Mln", "Bln",
    };

    /// <summary>Month abbreviations, never a name alone ("Feb 48.7, Apr 10.0" in a table of figures).</summary>
    public static readonly HashSet<string> MonthAbbreviations = new(StringComparer.Ordinal)
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC",
    };

    /// <summary>Verbs of saying: a lone capitalised word before one is a person ("Cameron said").</summary>
    public static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "said", "says", "say", "added", "adds", "told", "tells", "explained", "stated", "insisted", "argued", "warned",
        "announced", "noted", "wrote", "writes", "asked", "asks", "replied", "claimed", "claims", "admitted", "urged",
        "believes", "thinks", "described", "confirmed", "denied", "acknowledged", "suggested", "recalled", "tweeted",
    };

    /// <summary>Words before a place name: a small town is taken for a place after one ("at Coquelles").</summary>
    public static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "at", "near", "from", "to", "into", "outside", "across", "towards", "toward", "via", "around", "through",
        "of", "between", "throughout", "inside", "within", "off", "beyond",
    };

    /// <summary>Lower-case words allowed inside a name ("Mayor of Calais", "Charles de Gaulle").</summary>
    public static readonly HashSet<string> NameConnectors = new(StringComparer.Ordinal)
    {
        "of", "de", "du", "des", "la", "le", "von", "van", "der", "den", "da", "di", "al", "bin", "el", "y", "&",
    };

    /// <summary>Capitalised words that are never an entity alone: months, days, pronouns, determiners.</summary>
    public static readonly HashSet<string> NeverAlone = new(StringComparer.Ordinal)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "The", "A",
        "An", "He", "She", "It", "We", "They", "You", "His", "Her", "Their", "Our", "Its", "This", "That", "These",
        "Those", "But", "And", "Or", "If", "In", "On", "At", "As", "For", "To", "Of", "By", "With", "Mr", "Mrs", "Ms",
        "Dr", "God", "Christmas", "Easter", "Ramadan", "English", "Internet", "TV", "CCTV", "OK", "PM", "AM", "CEO",
    };

    /// <summary>Place names missing from a gazetteer of populated places, with the country they belong to.</summary>
    public static readonly IReadOnlyList<(string Name, string Type, string? CountryCode, string[] Aliases)> ExtraPlaces =
    [
        ("England", "region", "GB", []),
        ("Scotland", "region", "GB", []),
        ("Wales", "region", "GB", []),
        ("Northern Ireland", "region", "GB", []),
        ("Europe", "area", null, []),
        ("Africa", "area", null, []),
        ("Asia", "area", null, []),
        ("North America", "area", null, []),
        ("South America", "area", null, []),
        ("Latin America", "area", null, []),
        ("Central America", "area", null, []),
        ("Middle East", "area", null, []),
        ("North Africa", "area", null, []),
        ("West Africa", "area", null, []),
        ("East Africa", "area", null, []),
        ("Southeast Asia", "area", null, ["South-East Asia"]),
        ("Mediterranean", "area", null, ["Mediterranean Sea"]),
        ("Scandinavia", "area", null, []),
        ("Balkans", "area", null, []),
        ("Caribbean", "area", null, []),
        ("Oceania", "area", null, []),
        ("Antarctica", "area", null, []),
        ("Arctic", "area", null, []),
        ("Sahara", "area", null, []),
        ("Sahel", "area", null, []),
        ("Gulf", "area", null, ["Persian Gulf"]),
    ];

    /// <summary>Extra names of countries that the country table does not list as spellings.</summary>
    public static readonly IReadOnlyList<(string Alias, string CountryCode)> CountryAliases =
    [
        ("Britain", "GB"), ("Great Britain", "GB"), ("U.K.", "GB"), ("UK", "GB"), ("America", "US"), ("U.S.", "US"),
        ("US", "US"), ("USA", "US"), ("Holland", "NL"), ("Russia", "RU"), ("South Korea", "KR"), ("North Korea", "KP"),
        ("Iran", "IR"), ("Syria", "SY"), ("Vietnam", "VN"), ("Laos", "LA"), ("Burma", "MM"), ("Ivory Coast", "CI"),
        ("Czech Republic", "CZ"), ("UAE", "AE"), ("Congo", "CG"), ("DR Congo", "CD"), ("Tanzania", "TZ"),
        ("Bolivia", "BO"), ("Venezuela", "VE"), ("Moldova", "MD"), ("Macedonia", "MK"), ("Vatican", "VA"),
    ];
}
