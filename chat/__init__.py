"""Ask from chat: Slack's /ask slash command and a Microsoft Teams outgoing webhook."""
