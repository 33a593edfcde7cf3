package ru.profkom.shared;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds and checks {@link ProfkomSettings} in every process, web server and command line alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProfkomSettings.class)
class ProfkomSettingsConfiguration {}
