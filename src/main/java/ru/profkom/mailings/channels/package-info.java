/**
 * The adapters that hand one message to one channel's peer (an SMTP relay, the Telegram Bot API, VK's API, an
 * SMPP centre): each implements {@link ru.profkom.mailings.channels.ChannelSender}; the outbox calls them only
 * after a row is durably marked as being sent.
 */
package ru.profkom.mailings.channels;
