/**
 * The registry of every organization's sites, communities, channels and chats (C2): what each channel is, whether
 * its subscribers are read from the Telegram and VK APIs once a day or entered by hand, their history and the
 * Roskomnadzor warning near 10,000 subscribers.
 *
 * <p>A module of its own rather than a part of {@code indicators}: the indicators keep a month's hand-entered
 * figures for a report, while a channel here lives for years, is read by a scheduled job through cross-posting's
 * connections and warns staff on their home; putting that into the indicators would give them the HTTP clients, the
 * job and a dependency on cross-posting. The indicators take the registry's latest counts through
 * {@link ru.profkom.channelregistry.ChannelRegistry#latestCounts} (a query), so the list is kept in one place.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "organizations", "crossposting"})
package ru.profkom.channelregistry;
