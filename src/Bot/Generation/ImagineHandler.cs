using Microsoft.Extensions.Options;
using SeedreamBot.Bot.Interactions;
using SeedreamBot.Core.Generation;
using SeedreamBot.Core.Jobs;
using SeedreamBot.Discord.Models;

namespace SeedreamBot.Bot.Generation;

/// <summary><c>/imagine</c> and <c>/edit</c>: read the options and attachments (kept by the bot for later), then start the generation.</summary>
public sealed class ImagineHandler : IInteractionHandler
{
    private readonly GenerationStarter _starter;
    private readonly InputImages _inputs;
    private readonly IOptionsMonitor<GenerationOptions> _options;

    public ImagineHandler(GenerationStarter starter, InputImages inputs, IOptionsMonitor<GenerationOptions> options)
    {
        _starter = starter;
        _inputs = inputs;
        _options = options;
    }

    public InteractionRoutes Routes { get; } = InteractionRoutes.ForCommands(GenerationCommands.Imagine, GenerationCommands.Edit);

    public bool DeferPrivately => false;

    public Task HandleAsync(InteractionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interaction = context.Interaction;
        var isEdit = interaction.CommandName == GenerationCommands.Edit;
        var attachments = GenerationCommands.ImageOptionNames
            .Select(interaction.GetAttachment)
            .OfType<Attachment>()
            .ToList();
        var problems = AttachmentInputs.Check(attachments, _options.CurrentValue.MaxInputImageBytes, context.Culture, out var urls);

        var aspect = interaction.GetString(GenerationCommands.Aspect);
        var validation = GenerationRequestValidator.Validate(
            interaction.GetString(GenerationCommands.Prompt),
            interaction.GetString(GenerationCommands.Size),
            aspect ?? (isEdit ? AspectRatios.MatchInputImage : null),
            interaction.GetString(GenerationCommands.Format),
            urls);

        // Attachments of a command belong to no message, so their links cannot be refreshed later: keep a copy of each.
        return _starter.StartAsync(
            context,
            isEdit ? GenerationOrigin.Edit : GenerationOrigin.Imagine,
            validation,
            problems,
            prepareInputs: attachments.Count == 0 ? null : token => _inputs.KeepAsync(attachments, context.Culture, token));
    }
}
