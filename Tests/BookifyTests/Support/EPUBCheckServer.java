import com.adobe.epubcheck.tool.EpubChecker;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * EPUBCheck for a whole test run in one JVM: reads one book path per line on standard input and
 * answers each with what `java -jar epubcheck.jar BOOK` prints, followed by a line holding only
 * END. Starting the JVM for every book took seconds each, most of the suite's time.
 * Run as a source file: java -cp epubcheck.jar EPUBCheckServer.java
 */
public class EPUBCheckServer {
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String path; (path = in.readLine()) != null; ) {
            ByteArrayOutputStream report = new ByteArrayOutputStream();
            PrintStream capture = new PrintStream(report, true, StandardCharsets.UTF_8);
            System.setOut(capture);
            System.setErr(capture);
            try {
                new EpubChecker().run(new String[] { path });
            } catch (Throwable failure) {
                failure.printStackTrace(capture);
            }
            out.print(report.toString(StandardCharsets.UTF_8));
            out.print("\nEND\n");
            out.flush();
        }
    }
}
