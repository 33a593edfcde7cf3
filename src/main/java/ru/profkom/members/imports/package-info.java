/**
 * The import of members from CSV and XLSX files: reading and checking a file, the stored chunks and their rows'
 * problems, and applying the chunks in the background under a lease that another process takes over when it dies.
 */
package ru.profkom.members.imports;
