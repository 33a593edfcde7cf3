package ru.profkom.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a browser test class, before its application context starts, where no Chromium is
 * installed: Playwright must not download a browser of its own.
 */
class ChromiumInstalled implements ExecutionCondition {

    static Path chromium() {
        String configured = System.getenv("CHROMIUM_PATH");
        return Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    static String missingMessage() {
        return "Chromium not found at " + chromium() + ": install it with apt-get install -y chromium"
                + " (or point CHROMIUM_PATH at a Chromium binary)";
    }

    static boolean installed() {
        return Files.isExecutable(chromium());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return installed()
                ? ConditionEvaluationResult.enabled("Chromium at " + chromium())
                : ConditionEvaluationResult.disabled(missingMessage());
    }
}
