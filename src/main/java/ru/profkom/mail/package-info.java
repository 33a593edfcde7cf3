/** A durable outbox of e-mail: messages are written with the change that causes them and sent by SMTP afterwards. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package ru.profkom.mail;
