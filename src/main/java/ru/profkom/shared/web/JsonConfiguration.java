package ru.profkom.shared.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON is read as typed, never guessed: {@code "birthDate": 5} is not 06.01.1970, {@code "lastName": 123} is not
 * «123», a number is not the n-th value of a list and an unknown value of a list is refused, and no text may hold
 * a control character. {@link ApiErrors} names the field of each refusal in Russian.
 */
@Configuration
class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictJson() {
        return JsonConfiguration::strict;
    }

    static void strict(JsonMapper.Builder builder) {
        builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, choice -> choice.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.DateTime,
                        date -> date.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                // "" stays "no date", as it was while dates were read leniently.
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty));
        // Java's dates read a number as days or seconds since 1970 unless told not to be lenient.
        for (Class<?> type : new Class<?>[] {
            LocalDate.class, LocalDateTime.class, Instant.class, OffsetDateTime.class, YearMonth.class
        }) {
            builder.withConfigOverride(type, override -> override.setFormat(JsonFormat.Value.forLeniency(false)));
        }
        builder.addModule(new SimpleModule("profkom-plain-text").addDeserializer(String.class, new PlainText()));
    }

    /** Text without control characters, refused with the position of the first one. */
    static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            int at = ControlCharacters.firstControlCharacter(text);
            if (at >= 0) {
                throw new ControlCharacterInText(parser, text, at);
            }
            return text;
        }
    }

    /** A text value holding a control character at {@link #position()} (0-based). */
    static final class ControlCharacterInText extends InvalidFormatException {

        private final int position;

        ControlCharacterInText(JsonParser parser, String text, int position) {
            super(
                    parser,
                    "control character U+%04X at %d".formatted((int) text.charAt(position), position),
                    text,
                    String.class);
            this.position = position;
        }

        int position() {
            return position;
        }

        String character() {
            return String.format("U+%04X", (int) ((String) getValue()).charAt(position));
        }
    }
}
