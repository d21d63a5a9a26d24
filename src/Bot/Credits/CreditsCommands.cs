using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// The definitions of <c>/credits [user]</c> and the moderators' <c>/quota</c>. Names are public contract (the
/// README and members' muscle memory depend on them), so never rename one.
/// </summary>
public sealed class CreditsCommands : ICommandSource
{
    public const string Credits = "credits";
    public const string Quota = "quota";

    public const string Grant = "grant";
    public const string Take = "take";
    public const string Set = "set";
    public const string Reset = "reset";
    public const string Allowance = "allowance";
    public const string AllowanceClear = "allowance-clear";
    public const string Block = "block";
    public const string Unblock = "unblock";
    public const string History = "history";
    public const string Top = "top";
    public const string Export = "export";
    public const string LogChannel = "log-channel";
    public const string Settings = "settings";
    public const string BanList = "banlist";
    public const string BanListAdd = "add";
    public const string BanListRemove = "remove";
    public const string BanListList = "list";

    public const string User = "user";
    public const string Amount = "amount";
    public const string Reason = "reason";
    public const string Period = "period";
    public const string Role = "role";
    public const string Page = "page";
    public const string Channel = "channel";
    public const string Term = "term";

    /// <summary>Core refuses longer reasons; the client enforces the same limit so nobody types one in vain.</summary>
    public const int MaxReasonLength = 300;

    /// <summary>The most pages a paged view offers (10 entries each).</summary>
    public const int MaxPage = 10_000;

    private readonly IOptions<CreditOptions> _options;

    public CreditsCommands(IOptions<CreditOptions> options) => _options = options;

    /// <summary>The refill-period choices of <c>/quota allowance</c>, by option value.</summary>
    public static IReadOnlyDictionary<string, RefillPeriod> PeriodChoices { get; } = new Dictionary<string, RefillPeriod>(StringComparer.Ordinal)
    {
        ["daily"] = RefillPeriod.Daily,
        ["weekly"] = RefillPeriod.Weekly,
        ["monthly"] = RefillPeriod.Monthly,
        ["never"] = RefillPeriod.Never,
    };

    /// <summary>The window choices of <c>/quota top</c>, by option value (also used in button ids).</summary>
    public static IReadOnlyDictionary<string, SpendingWindow> WindowChoices { get; } = new Dictionary<string, SpendingWindow>(StringComparer.Ordinal)
    {
        ["today"] = SpendingWindow.Today,
        ["week"] = SpendingWindow.ThisWeek,
        ["month"] = SpendingWindow.ThisMonth,
        ["all"] = SpendingWindow.AllTime,
    };

    public static string WindowValue(SpendingWindow window) => WindowChoices.First(pair => pair.Value == window).Key;

    public IEnumerable<ApplicationCommand> Commands
    {
        get
        {
            var max = _options.Value.MaxAdjustment;
            return
            [
                new ApplicationCommand
                {
                    Name = Credits,
                    Type = ApplicationCommandType.ChatInput,
                    Description = "How many image credits you have left, and when your allowance refills.",
                    Options =
                    [
                        UserOption("Moderators only: whose credits to show (default: yours).", required: false),
                    ],
                    Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
                    IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                },
                new ApplicationCommand
                {
                    Name = Quota,
                    Type = ApplicationCommandType.ChatInput,
                    Description = "Moderators: manage members' image credits, allowances, blocks and the prompt ban list.",

                    // Hidden from members without Manage Server by default; the handler checks again, because
                    // server admins can change who sees a command.
                    DefaultMemberPermissions = Permissions.ManageGuild,
                    Contexts = [InteractionContextType.Guild],
                    IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                    Options =
                    [
                        Subcommand(Grant, "Give a member bonus credits (they never expire).",
                            UserOption("Who gets the credits.", required: true),
                            AmountOption("How many credits to give.", 1, max),
                            ReasonOption()),
                        Subcommand(Take, "Take credits from a member (bonus first, then this period's allowance).",
                            UserOption("Whose credits to take.", required: true),
                            AmountOption("How many credits to take.", 1, max),
                            ReasonOption()),
                        Subcommand(Set, "Set exactly how many credits a member can spend now.",
                            UserOption("Whose balance to set.", required: true),
                            AmountOption("The new balance (0 or more).", 0, max),
                            ReasonOption()),
                        Subcommand(Reset, "Give a member a fresh period: full allowance, no bonus, spending counter at 0.",
                            UserOption("Who to reset.", required: true)),
                        Subcommand(Allowance, "Set credits per period for the server, a role, or one member.",
                            AmountOption("Credits per period (0 or more).", 0, max),
                            PeriodOption(),
                            new ApplicationCommandOption
                            {
                                Type = ApplicationCommandOptionType.Role,
                                Name = Role,
                                Description = "Give members with this role this allowance (the best of their roles counts).",
                            },
                            UserOption("Give this one member their own allowance (beats every role).", required: false)),
                        Subcommand(AllowanceClear, "Remove an allowance so it inherits again (server default when neither is given).",
                            new ApplicationCommandOption
                            {
                                Type = ApplicationCommandOptionType.Role,
                                Name = Role,
                                Description = "Remove this role's allowance.",
                            },
                            UserOption("Remove this member's own allowance.", required: false)),
                        Subcommand(Block, "Stop a member from making images until unblocked.",
                            UserOption("Who to block.", required: true),
                            ReasonOption()),
                        Subcommand(Unblock, "Let a blocked member make images again.",
                            UserOption("Who to unblock.", required: true)),
                        Subcommand(History, "The credit ledger of the server or one member, newest first.",
                            UserOption("Only this member's entries.", required: false),
                            PageOption()),
                        Subcommand(Top, "Who spent the most credits.",
                            new ApplicationCommandOption
                            {
                                Type = ApplicationCommandOptionType.String,
                                Name = Period,
                                Description = "Which span (default: the current refill period).",
                                Choices =
                                [
                                    ApplicationCommandOptionChoice.Of("Today", "today"),
                                    ApplicationCommandOptionChoice.Of("This week", "week"),
                                    ApplicationCommandOptionChoice.Of("This month", "month"),
                                    ApplicationCommandOptionChoice.Of("All time", "all"),
                                ],
                            }),
                        Subcommand(Export, "Download the server's whole credit ledger as a CSV file."),
                        Subcommand(LogChannel, "Post every quota change and block to a channel (leave empty to stop).",
                            new ApplicationCommandOption
                            {
                                Type = ApplicationCommandOptionType.Channel,
                                Name = Channel,
                                Description = "Where to post (leave empty to stop posting).",
                                ChannelTypes =
                                [
                                    ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.PublicThread,
                                    ChannelType.PrivateThread, ChannelType.AnnouncementThread,
                                ],
                            }),
                        Subcommand(Settings, "The server's quota settings at a glance."),
                        new ApplicationCommandOption
                        {
                            Type = ApplicationCommandOptionType.SubcommandGroup,
                            Name = BanList,
                            Description = "Words or phrases that prompts may not contain.",
                            Options =
                            [
                                Subcommand(BanListAdd, "Refuse prompts containing a word or phrase.", TermOption("The word or phrase to ban.")),
                                Subcommand(BanListRemove, "Allow a banned word or phrase again.", TermOption("The word or phrase to allow again.")),
                                Subcommand(BanListList, "Show the banned words and phrases."),
                            ],
                        },
                    ],
                },
            ];
        }
    }

    private static ApplicationCommandOption Subcommand(string name, string description, params ApplicationCommandOption[] options) => new()
    {
        Type = ApplicationCommandOptionType.Subcommand,
        Name = name,
        Description = description,
        Options = options.Length == 0 ? null : options,
    };

    private static ApplicationCommandOption UserOption(string description, bool required) => new()
    {
        Type = ApplicationCommandOptionType.User,
        Name = User,
        Description = description,
        Required = required ? true : null,
    };

    private static ApplicationCommandOption AmountOption(string description, int min, int max) => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = Amount,
        Description = description,
        Required = true,
        MinValue = min,
        MaxValue = max,
    };

    private static ApplicationCommandOption ReasonOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Reason,
        Description = "Why (shown in the ledger and the log channel).",
        MaxLength = MaxReasonLength,
    };

    private static ApplicationCommandOption PeriodOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Period,
        Description = "Also change how often the server's allowances refill.",
        Choices =
        [
            ApplicationCommandOptionChoice.Of("Daily", "daily"),
            ApplicationCommandOptionChoice.Of("Weekly", "weekly"),
            ApplicationCommandOptionChoice.Of("Monthly", "monthly"),
            ApplicationCommandOptionChoice.Of("Never (no refills)", "never"),
        ],
    };

    private static ApplicationCommandOption PageOption() => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = Page,
        Description = "Which page (10 entries per page).",
        MinValue = 1,
        MaxValue = MaxPage,
    };

    private static ApplicationCommandOption TermOption(string description) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Term,
        Description = description,
        Required = true,
        MinLength = 1,
        MaxLength = PromptBanList.MaxTermLength,
    };
}
