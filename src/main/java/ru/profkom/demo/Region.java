package ru.profkom.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A subject of the federation as the generator needs it; read from {@code demo/regions.txt}.
 *
 * @param code the subject's number, used in organization codes ({@code R50}) and INNs
 * @param addressName how addresses name it: «Московская область», «г. Москва»
 * @param adjective what the regional organization is called after: «Московская»
 * @param abbreviation the short form state institutions put after their legal form: «ГБУЗ МО»
 * @param postalPrefix the first three digits of the region's postcodes
 * @param phoneCode the capital's area code, three to five digits
 * @param towns towns besides the capital, each becoming a territorial organization
 */
record Region(
        int code,
        String addressName,
        String adjective,
        Level level,
        String abbreviation,
        String capital,
        String capitalAdjective,
        String postalPrefix,
        String phoneCode,
        int populationThousands,
        List<Town> towns) {

    /** What kind of subject it is, which decides how its organization is named. */
    enum Level {
        REPUBLIC("республиканская", "респ."),
        KRAI("краевая", "краевая"),
        OBLAST("областная", "обл."),
        CITY("городская", "гор."),
        AUTONOMOUS_OKRUG("окружная", "окружная");

        final String organizationWord;
        final String shortWord;

        Level(String organizationWord, String shortWord) {
            this.organizationWord = organizationWord;
            this.shortWord = shortWord;
        }
    }

    /**
     * A town (or a district of a federal city) with its own territorial organization.
     *
     * @param organizationWord «городская» for a town, «окружная» or «районная» for parts of a city
     */
    record Town(String name, String adjective, String organizationWord) {}

    boolean federalCity() {
        return level == Level.CITY;
    }

    String code2() {
        return String.format("%02d", code);
    }

    static List<Region> all() {
        return Catalogue.REGIONS;
    }

    static Region byCode(int code) {
        return Catalogue.REGIONS.stream()
                .filter(region -> region.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No region " + code));
    }

    private static final class Catalogue {
        private static final List<Region> REGIONS = read();

        private static List<Region> read() {
            try (InputStream in = Region.class.getResourceAsStream("/demo/regions.txt")) {
                if (in == null) {
                    throw new IllegalStateException("demo/regions.txt is missing from the classpath");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                List<Region> regions = new ArrayList<>();
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        regions.add(parse(line));
                    }
                }
                return List.copyOf(regions);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Region parse(String line) {
            String[] f = line.split("\\|", -1);
            List<Town> towns = f[10].isBlank()
                    ? List.of()
                    : Arrays.stream(f[10].split(";"))
                            .map(town -> town.split(":"))
                            .map(t -> new Town(t[0], t[1], t.length > 2 ? t[2] : "городская"))
                            .toList();
            return new Region(
                    Integer.parseInt(f[0]),
                    f[1],
                    f[2],
                    Level.valueOf(f[3]),
                    f[4],
                    f[5],
                    f[6],
                    f[7],
                    f[8],
                    Integer.parseInt(f[9]),
                    towns);
        }
    }
}
