package ru.profkom.mailings.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MachineOpenRuleTests {

    private static final Instant SENT = Instant.parse("2026-12-07T10:00:00Z");
    private static final Instant LATER = SENT.plus(Duration.ofHours(2));
    private static final String FIREFOX =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Test
    void countsAPersonsOpenHoursAfterSending() {
        assertThat(MachineOpenRule.isMachine(SENT, LATER, FIREFOX, "95.31.18.119"))
                .isFalse();
        // Gmail fetches images through its proxy only when the message is opened: a person.
        assertThat(MachineOpenRule.isMachine(SENT, LATER, "Mozilla/5.0 (via ggpht.com GoogleImageProxy)", null))
                .isFalse();
    }

    @Test
    void flagsAnOpenSecondsAfterSending() {
        assertThat(MachineOpenRule.isMachine(SENT, SENT.plusSeconds(3), FIREFOX, "95.31.18.119"))
                .isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, SENT.plus(MachineOpenRule.TOO_SOON), FIREFOX, "95.31.18.119"))
                .isFalse();
        assertThat(MachineOpenRule.isMachine(null, SENT, FIREFOX, null)).isFalse();
    }

    @Test
    void flagsApplePrivacyProtectionByItsBareAgentOrNetwork() {
        assertThat(MachineOpenRule.isMachine(SENT, LATER, "Mozilla/5.0", "104.28.1.1"))
                .isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, FIREFOX, "17.58.101.4"))
                .isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, FIREFOX, "2620:149:a:1::5"))
                .isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, FIREFOX, "18.58.101.4"))
                .isFalse();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, null, "95.31.18.119")).isTrue();
    }

    @Test
    void flagsLinkScannersAndHttpLibraries() {
        assertThat(MachineOpenRule.isMachine(SENT, LATER, "Barracuda Sentinel (EE)", null))
                .isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, "python-requests/2.32.3", null))
                .isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, "curl/8.5.0", null)).isTrue();
        assertThat(MachineOpenRule.isMachine(SENT, LATER, "Mozilla/5.0 (compatible; bingbot/2.0)", null))
                .isTrue();
    }

    @Test
    void neverLooksUpANameGivenAsAnAddress() {
        assertThat(MachineOpenRule.inMachineNetwork("apple.com")).isFalse();
        assertThat(MachineOpenRule.inMachineNetwork("unknown")).isFalse();
        assertThat(MachineOpenRule.inMachineNetwork(null)).isFalse();
    }
}
