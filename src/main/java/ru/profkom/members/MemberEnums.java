package ru.profkom.members;

/** The registry's closed vocabularies; each value has a message key {@code member.<enum>.<VALUE>}. */
public final class MemberEnums {

    private MemberEnums() {}

    public enum Gender {
        M,
        F;

        public String messageKey() {
            return "member.gender." + name();
        }
    }

    /** application → active → suspended → exited; an exit is final, a new membership starts anew. */
    public enum MembershipStatus {
        APPLICATION,
        ACTIVE,
        SUSPENDED,
        EXITED;

        public String messageKey() {
            return "member.status." + name();
        }

        /** Counted as a member of the union: active or suspended. */
        public boolean current() {
            return this == ACTIVE || this == SUSPENDED;
        }
    }

    public enum ExitReason {
        OWN_WISH,
        DISMISSAL,
        RETIREMENT,
        DEATH,
        EXPULSION,
        /** The membership ended because the person moved to another organization of the union. */
        TRANSFER;

        public String messageKey() {
            return "member.exitReason." + name();
        }
    }

    public enum Category {
        WORKER,
        STUDENT,
        PENSIONER,
        UNEMPLOYED;

        public String messageKey() {
            return "member.category." + name();
        }
    }

    /** Roles in the union's structure, with terms; distinct from the access roles of accounts. */
    public enum UnionRole {
        ACTIVIST,
        CHAIR,
        DEPUTY_CHAIR,
        INFO_WORKER,
        ELECTED_BODY_MEMBER,
        YOUTH_COUNCIL_MEMBER,
        COMMISSION_MEMBER;

        public String messageKey() {
            return "member.unionRole." + name();
        }
    }

    public enum ConsentPurpose {
        PROCESSING,
        EMAIL,
        SMS,
        MESSENGER,
        /** Name and role on the organization's public page: the portal names no one without it. */
        PUBLICATION;

        public String messageKey() {
            return "member.consent." + name();
        }
    }

    public enum ConsentForm {
        PAPER,
        ELECTRONIC;

        public String messageKey() {
            return "member.consentForm." + name();
        }
    }
}
