using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Commands;
using SeedreamBot.Bot.Localization;
using SeedreamBot.Core.Credits;
using SeedreamBot.Core.Guilds;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Credits;

/// <summary>
/// The definitions of <c>/credits [user]</c> and the moderators' <c>/quota</c>. Names are public contract (the
/// README and members' muscle memory depend on them), so never rename or translate one; descriptions and choice
/// names come from the translation tables (<see cref="CommandTexts"/>).
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
                    Description = CommandTexts.English("CommandCredits"),
                    DescriptionLocalizations = CommandTexts.Translated("CommandCredits"),
                    Options =
                    [
                        UserOption("CommandCreditsUser", required: false),
                    ],
                    Contexts = [InteractionContextType.Guild, InteractionContextType.BotDirectMessage],
                    IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                },
                new ApplicationCommand
                {
                    Name = Quota,
                    Type = ApplicationCommandType.ChatInput,
                    Description = CommandTexts.English("CommandQuota"),
                    DescriptionLocalizations = CommandTexts.Translated("CommandQuota"),

                    // Hidden from members without Manage Server by default; the handler checks again, because
                    // server admins can change who sees a command.
                    DefaultMemberPermissions = Permissions.ManageGuild,
                    Contexts = [InteractionContextType.Guild],
                    IntegrationTypes = [ApplicationIntegrationType.GuildInstall],
                    Options =
                    [
                        Subcommand(Grant, "CommandQuotaGrant",
                            UserOption("CommandQuotaGrantUser", required: true),
                            AmountOption("CommandQuotaGrantAmount", 1, max),
                            ReasonOption()),
                        Subcommand(Take, "CommandQuotaTake",
                            UserOption("CommandQuotaTakeUser", required: true),
                            AmountOption("CommandQuotaTakeAmount", 1, max),
                            ReasonOption()),
                        Subcommand(Set, "CommandQuotaSet",
                            UserOption("CommandQuotaSetUser", required: true),
                            AmountOption("CommandQuotaSetAmount", 0, max),
                            ReasonOption()),
                        Subcommand(Reset, "CommandQuotaReset",
                            UserOption("CommandQuotaResetUser", required: true),
                            ReasonOption()),
                        Subcommand(Allowance, "CommandQuotaAllowance",
                            AmountOption("CommandQuotaAllowanceAmount", 0, max),
                            PeriodOption(),
                            RoleOption("CommandQuotaAllowanceRole"),
                            UserOption("CommandQuotaAllowanceUser", required: false)),
                        Subcommand(AllowanceClear, "CommandQuotaAllowanceClear",
                            RoleOption("CommandQuotaAllowanceClearRole"),
                            UserOption("CommandQuotaAllowanceClearUser", required: false)),
                        Subcommand(Block, "CommandQuotaBlock",
                            UserOption("CommandQuotaBlockUser", required: true),
                            ReasonOption()),
                        Subcommand(Unblock, "CommandQuotaUnblock",
                            UserOption("CommandQuotaUnblockUser", required: true),
                            ReasonOption()),
                        Subcommand(History, "CommandQuotaHistory",
                            UserOption("CommandQuotaHistoryUser", required: false),
                            PageOption()),
                        Subcommand(Top, "CommandQuotaTop",
                            new ApplicationCommandOption
                            {
                                Type = ApplicationCommandOptionType.String,
                                Name = Period,
                                Description = CommandTexts.English("CommandQuotaTopPeriod"),
                                DescriptionLocalizations = CommandTexts.Translated("CommandQuotaTopPeriod"),

                                // "Today", "This week"…: the words the /quota top buttons show.
                                Choices =
                                [
                                    .. WindowChoices.Select(pair => CommandTexts.Choice(
                                        culture => CreditText.Capitalize(CreditText.Window(pair.Value, culture), culture), pair.Key)),
                                ],
                            }),
                        Subcommand(Export, "CommandQuotaExport"),
                        Subcommand(LogChannel, "CommandQuotaLogChannel", CommandOptions.PostableChannel(Channel, "CommandQuotaLogChannelChannel")),
                        Subcommand(Settings, "CommandQuotaSettings"),
                        new ApplicationCommandOption
                        {
                            Type = ApplicationCommandOptionType.SubcommandGroup,
                            Name = BanList,
                            Description = CommandTexts.English("CommandQuotaBanList"),
                            DescriptionLocalizations = CommandTexts.Translated("CommandQuotaBanList"),
                            Options =
                            [
                                Subcommand(BanListAdd, "CommandQuotaBanListAdd", TermOption("CommandQuotaBanListAddTerm")),
                                Subcommand(BanListRemove, "CommandQuotaBanListRemove", TermOption("CommandQuotaBanListRemoveTerm")),
                                Subcommand(BanListList, "CommandQuotaBanListList"),
                            ],
                        },
                    ],
                },
            ];
        }
    }

    private static ApplicationCommandOption Subcommand(string name, string descriptionKey, params ApplicationCommandOption[] options) =>
        CommandOptions.Subcommand(name, descriptionKey, options);

    private static ApplicationCommandOption UserOption(string descriptionKey, bool required) => new()
    {
        Type = ApplicationCommandOptionType.User,
        Name = User,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Required = required ? true : null,
    };

    private static ApplicationCommandOption RoleOption(string descriptionKey) => new()
    {
        Type = ApplicationCommandOptionType.Role,
        Name = Role,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
    };

    private static ApplicationCommandOption AmountOption(string descriptionKey, int min, int max) => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = Amount,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Required = true,
        MinValue = min,
        MaxValue = max,
    };

    private static ApplicationCommandOption ReasonOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Reason,
        Description = CommandTexts.English("CommandQuotaReason"),
        DescriptionLocalizations = CommandTexts.Translated("CommandQuotaReason"),
        MaxLength = MaxReasonLength,
    };

    private static ApplicationCommandOption PeriodOption() => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Period,
        Description = CommandTexts.English("CommandQuotaAllowancePeriod"),
        DescriptionLocalizations = CommandTexts.Translated("CommandQuotaAllowancePeriod"),
        Choices = [.. PeriodChoices.Select(pair => CommandTexts.Choice("ChoicePeriod" + pair.Value, pair.Key))],
    };

    private static ApplicationCommandOption PageOption() => new()
    {
        Type = ApplicationCommandOptionType.Integer,
        Name = Page,
        Description = CommandTexts.English("CommandQuotaPage"),
        DescriptionLocalizations = CommandTexts.Translated("CommandQuotaPage"),
        MinValue = 1,
        MaxValue = MaxPage,
    };

    private static ApplicationCommandOption TermOption(string descriptionKey) => new()
    {
        Type = ApplicationCommandOptionType.String,
        Name = Term,
        Description = CommandTexts.English(descriptionKey),
        DescriptionLocalizations = CommandTexts.Translated(descriptionKey),
        Required = true,
        MinLength = 1,
        MaxLength = PromptBanList.MaxTermLength,
    };
}
