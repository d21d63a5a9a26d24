using System.Text;

namespace SeedreamBot.Bench.Micro.Interactions;

/// <summary>Gateway frames as Discord sends them, for parsing and dispatch benchmarks.</summary>
internal static class InteractionPayloads
{
    public const ulong GuildId = 1100000000000000100;

    public const ulong MemberId = 1200000000000000042;

    /// <summary>A whole op-0 INTERACTION_CREATE frame for <c>/imagine prompt:… size:2K aspect:16:9</c> from a guild member.</summary>
    public static byte[] ImagineFrame(ulong memberId = MemberId, string prompt = "a lighthouse on a cliff at dawn, volumetric fog, film grain, 35 mm") =>
        Encoding.UTF8.GetBytes($$$"""
        {"op":0,"s":42,"t":"INTERACTION_CREATE","d":{
          "id":"1300000000000000001","application_id":"1100000000000000001","type":2,
          "data":{"id":"1100000000000009001","name":"imagine","type":1,"guild_id":"{{{GuildId}}}",
            "options":[{"name":"prompt","type":3,"value":"{{{prompt}}}"},{"name":"size","type":3,"value":"2K"},{"name":"aspect","type":3,"value":"16:9"}]},
          "guild_id":"{{{GuildId}}}","guild_locale":"en-US",
          "guild":{"id":"{{{GuildId}}}","locale":"en-US","features":[]},
          "channel_id":"1100000000000000200",
          "channel":{"id":"1100000000000000200","type":0,"name":"general","guild_id":"{{{GuildId}}}","permissions":"2248473465835073","nsfw":false,"parent_id":null,"position":0,"flags":0,"last_message_id":null,"rate_limit_per_user":0,"topic":null},
          "member":{"user":{"id":"{{{memberId}}}","username":"ada","discriminator":"0","global_name":"Ada","avatar":"a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6","public_flags":0,"avatar_decoration_data":null,"clan":null,"primary_guild":null,"collectibles":null},
            "nick":null,"roles":["1100000000000000501","1100000000000000502"],"joined_at":"2024-01-01T00:00:00.000000+00:00","premium_since":null,
            "deaf":false,"mute":false,"flags":0,"pending":false,"permissions":"2248473465835073","communication_disabled_until":null,"avatar":null,"banner":null,"unusual_dm_activity_until":null},
          "token":"aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMTpfMHFrY2RxT2ZuS0lLT2R2UmZzTnJ6V0dCdGNwV0pzU2dqY3JZZkRkbFhzbjR0R3J5c2RzVm9K",
          "version":1,"app_permissions":"2248473465835073","locale":"en-US","attachment_size_limit":10485760,
          "entitlements":[],"entitlement_sku_ids":[],"authorizing_integration_owners":{"0":"{{{GuildId}}}"},"context":0}}
        """);
}
