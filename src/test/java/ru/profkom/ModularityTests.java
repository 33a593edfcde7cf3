package ru.profkom;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Module boundaries: Spring Modulith's verification, the generated module documentation, and a
 * rule that each module alone uses the jOOQ classes of its own tables.
 */
class ModularityTests {

    private static final String GENERATED_TABLES = "profkom.schema.tables";

    /** Which module owns each generated table class; a table missing here fails the test. */
    private static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            Map.entry("Organization", "ru.profkom.organizations"),
            Map.entry("OrganizationPlacement", "ru.profkom.organizations"),
            Map.entry("OrganizationBody", "ru.profkom.organizations"),
            Map.entry("Account", "ru.profkom.accounts"),
            Map.entry("RoleGrant", "ru.profkom.accounts"),
            Map.entry("PasswordResetToken", "ru.profkom.accounts"),
            Map.entry("AccessThrottle", "ru.profkom.accounts"),
            Map.entry("AuditEvent", "ru.profkom.audit"),
            Map.entry("MailingOutbox", "ru.profkom.mailings"),
            Map.entry("MailingChannelLink", "ru.profkom.mailings"),
            Map.entry("MailingLinkToken", "ru.profkom.mailings"),
            Map.entry("MailingBotOffset", "ru.profkom.mailings"),
            Map.entry("Mailing", "ru.profkom.mailings"),
            Map.entry("MailingText", "ru.profkom.mailings"),
            Map.entry("MailingSavedAudience", "ru.profkom.mailings"),
            Map.entry("MailingAttachment", "ru.profkom.mailings"),
            Map.entry("MailingTestSend", "ru.profkom.mailings"),
            Map.entry("MailingUndeliverable", "ru.profkom.mailings"),
            Map.entry("MailingSecret", "ru.profkom.mailings"),
            Map.entry("MailMessage", "ru.profkom.mail"),
            Map.entry("InstallationSetting", "ru.profkom.settings"),
            Map.entry("Person", "ru.profkom.members"),
            Map.entry("Membership", "ru.profkom.members"),
            Map.entry("MemberRole", "ru.profkom.members"),
            Map.entry("MemberChange", "ru.profkom.members"),
            Map.entry("Consent", "ru.profkom.members"),
            Map.entry("UnionCard", "ru.profkom.members"),
            Map.entry("MemberAccount", "ru.profkom.members"),
            Map.entry("MemberCorrection", "ru.profkom.members"),
            Map.entry("MemberImport", "ru.profkom.members"),
            Map.entry("MemberImportChunk", "ru.profkom.members"),
            Map.entry("MemberTransferRequest", "ru.profkom.members"),
            Map.entry("MemberImportProblem", "ru.profkom.members"),
            Map.entry("MemberIdBlock", "ru.profkom.members"),
            Map.entry("ActivistSnapshot", "ru.profkom.members"),
            Map.entry("ActivistSnapshotRow", "ru.profkom.members"),
            Map.entry("IndicatorEntry", "ru.profkom.indicators"),
            Map.entry("IndicatorChannel", "ru.profkom.indicators"),
            Map.entry("RatingWeight", "ru.profkom.indicators"),
            Map.entry("InfoReport", "ru.profkom.indicators"),
            Map.entry("PortalSite", "ru.profkom.portal"),
            Map.entry("PortalDocument", "ru.profkom.portal"),
            Map.entry("PortalFeedback", "ru.profkom.portal"),
            Map.entry("PortalAlbum", "ru.profkom.portal"),
            Map.entry("PortalAlbumPhoto", "ru.profkom.portal"),
            Map.entry("UsedFormToken", "ru.profkom.portal"),
            Map.entry("CrosspostChannel", "ru.profkom.crossposting"),
            Map.entry("CrosspostDelivery", "ru.profkom.crossposting"),
            Map.entry("RegistryChannel", "ru.profkom.channelregistry"),
            Map.entry("RegistryChannelReading", "ru.profkom.channelregistry"),
            Map.entry("StoredImage", "ru.profkom.publications"),
            Map.entry("Publication", "ru.profkom.publications"),
            Map.entry("PublicationImage", "ru.profkom.publications"),
            Map.entry("PublicationAttachment", "ru.profkom.publications"),
            Map.entry("PublicationRoute", "ru.profkom.publications"),
            Map.entry("InfoPackage", "ru.profkom.publications"),
            Map.entry("InfoPackageRecipient", "ru.profkom.publications"),
            Map.entry("StatDay", "ru.profkom.statistics"),
            Map.entry("StatMonth", "ru.profkom.statistics"),
            Map.entry("StatOrganization", "ru.profkom.statistics"),
            Map.entry("StatisticalReport", "ru.profkom.statisticalreports"),
            Map.entry("StatisticalReportLine", "ru.profkom.statisticalreports"),
            Map.entry("StatisticalReportStep", "ru.profkom.statisticalreports"),
            Map.entry("WorkspaceRead", "ru.profkom.workspace"),
            Map.entry("WorkspaceSetting", "ru.profkom.workspace"),
            Map.entry("WorkspaceDigest", "ru.profkom.workspace"),
            Map.entry("WorkspaceDigestItem", "ru.profkom.workspace"));

    static final ApplicationModules MODULES = ApplicationModules.of(ProfkomApplication.class);

    @Test
    void keepsTheModuleBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }

    @Test
    void knowsTheOwnerOfEveryGeneratedTable() {
        JavaClasses generated = new ClassFileImporter().importPackages(GENERATED_TABLES);
        Set<String> tables = new TreeSet<>();
        for (JavaClass table : generated) {
            if (table.getPackageName().equals(GENERATED_TABLES)
                    && table.getEnclosingClass().isEmpty()) {
                tables.add(table.getSimpleName());
            }
        }
        assertThat(tables).as("generated table classes").isNotEmpty();
        assertThat(TABLE_OWNERS.keySet())
                .as("tables of ModularityTests.TABLE_OWNERS; add the owning module of each new table")
                .containsExactlyInAnyOrderElementsOf(tables);
    }

    @Test
    void letsOnlyTheOwningModuleUseATablesGeneratedClasses() {
        JavaClasses application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.profkom", GENERATED_TABLES);

        classes()
                .that()
                .resideInAPackage("ru.profkom..")
                .should(useOnlyTheirOwnModulesTables())
                .check(application);
    }

    /**
     * The registry's internals that its sub-packages ({@code imports}, {@code activists}, {@code cabinet}) need are
     * public but tagged with the named interface {@code internal}, which leaves them out of the module's API; no
     * other module may reach them, even by declaring {@code "members :: internal"}.
     */
    @Test
    void keepsTheRegistrysInternalsInsideMembers() {
        JavaClasses application = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("ru.profkom");

        noClasses()
                .that()
                .resideOutsideOfPackage("ru.profkom.members..")
                .should()
                .dependOnClassesThat(resideInAPackage("ru.profkom.members")
                        .and(annotatedWith(org.springframework.modulith.NamedInterface.class)))
                .check(application);
    }

    private static ArchCondition<JavaClass> useOnlyTheirOwnModulesTables() {
        return new ArchCondition<>("use only the generated jOOQ classes of their own module's tables") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    String table = tableOf(target);
                    if (table == null) {
                        continue;
                    }
                    String owner = TABLE_OWNERS.get(table);
                    boolean allowed = owner != null
                            && (origin.getPackageName().equals(owner)
                                    || origin.getPackageName().startsWith(owner + "."));
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(
                                dependency,
                                dependency.getDescription() + ": table " + table + " belongs to "
                                        + (owner == null ? "no known module" : owner)));
                    }
                }
            }
        };
    }

    /** The table a generated class belongs to: the table class itself, its record, or null for anything else. */
    private static String tableOf(JavaClass target) {
        String packageName = target.getPackageName();
        String name = target.getEnclosingClass().map(JavaClass::getSimpleName).orElse(target.getSimpleName());
        if (packageName.equals(GENERATED_TABLES)) {
            return name;
        }
        if (packageName.equals(GENERATED_TABLES + ".records") && name.endsWith("Record")) {
            return name.substring(0, name.length() - "Record".length());
        }
        return null;
    }
}
