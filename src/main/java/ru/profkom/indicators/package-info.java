/**
 * Information-work indicators (E2, E4, E7) of each organization and month, each with its source, from
 * providers that any module contributes; the hand-entered data behind the built-in ones; the rating of
 * primary organizations inside their parent with weights set by the rating organization; and the
 * monthly information-work report to the higher organization. A month's channels can be filled from the channel
 * registry's latest counts ({@code ChannelPrefill}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organizations", "channelregistry"})
package ru.profkom.indicators;
