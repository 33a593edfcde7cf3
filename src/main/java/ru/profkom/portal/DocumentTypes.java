package ru.profkom.portal;

import java.util.Arrays;

/** The document formats a public page offers, told by their first bytes. */
final class DocumentTypes {

    private static final byte[] PDF = {'%', 'P', 'D', 'F'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] RTF = {'{', '\\', 'r', 't', 'f'};

    private DocumentTypes() {}

    static boolean matches(String extension, byte[] content) {
        return switch (extension) {
            case "pdf" -> startsWith(content, PDF);
            case "docx", "xlsx", "odt", "ods" -> startsWith(content, ZIP);
            case "doc", "xls" -> startsWith(content, OLE);
            case "rtf" -> startsWith(content, RTF);
            default -> false;
        };
    }

    static String contentType(String extension) {
        return switch (extension) {
            case "pdf" -> "application/pdf";
            case "doc" -> "application/msword";
            case "docx" -> "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            case "xls" -> "application/vnd.ms-excel";
            case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "odt" -> "application/vnd.oasis.opendocument.text";
            case "ods" -> "application/vnd.oasis.opendocument.spreadsheet";
            case "rtf" -> "application/rtf";
            default -> "application/octet-stream";
        };
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        return content.length >= prefix.length && Arrays.equals(Arrays.copyOf(content, prefix.length), prefix);
    }
}
