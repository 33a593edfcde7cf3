package ru.profkom.publications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.profkom.publications.PublicationRepository.Indexed;

class PublicationIndexTests {

    @TempDir
    Path directory;

    @Test
    void findsWordsByAnyPrefixOfFourLettersOrMoreAndByTheirForms() throws IOException {
        PublicationIndex index = new PublicationIndex(directory);
        try {
            index.put(publication(1, "Собрание профсоюзной организации", "Обсудили коллективный договор."));
            index.put(publication(2, "Охрана труда", "Проверка в больнице."));
            index.commit();

            assertThat(ids(index, "проф")).containsExactly(1L);
            assertThat(ids(index, "профсоюза")).containsExactly(1L);
            assertThat(ids(index, "коллективного договора")).containsExactly(1L);
            assertThat(ids(index, "больница")).containsExactly(2L);
            assertThat(ids(index, "труд охрана")).containsExactly(2L);
            assertThat(ids(index, "профсоюз больница")).isEmpty();
            assertThat(index.needsRebuild()).isFalse();
        } finally {
            index.destroy();
        }
    }

    @Test
    void anIndexWrittenInAnotherFormatIsRebuilt() throws IOException {
        try (FSDirectory store = FSDirectory.open(directory);
                IndexWriter older = new IndexWriter(store, new IndexWriterConfig(new StandardAnalyzer()))) {
            Document document = new Document();
            document.add(new StringField("id", "1", Field.Store.YES));
            older.addDocument(document);
            older.commit();
        }

        PublicationIndex index = new PublicationIndex(directory);
        try {
            assertThat(index.needsRebuild()).isTrue();
        } finally {
            index.destroy();
        }
    }

    private static List<Long> ids(PublicationIndex index, String query) {
        return index.search(query, null, 0, 10).ids();
    }

    private static Indexed publication(long id, String title, String text) {
        return new Indexed(id, "/1/" + id + "/", PublicationStatus.PUBLISHED, title, text, null, Instant.now());
    }
}
