// Runs epubcheck on many books in one JVM (a JVM start costs about 3 s; the suite writes dozens
// of books). Prints one line per book: "<path>\t<errors+fatals>\t<warnings>", and epubcheck's
// own messages on stderr. Run: java -cp /usr/share/java/epubcheck.jar EpubcheckBatch.java BOOK...
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.File;

public class EpubcheckBatch {
  public static void main(String[] args) {
    for (String path : args) {
      DefaultReportImpl report = new DefaultReportImpl(path);
      new EpubCheck(new File(path), report).validate();
      int errors = report.getErrorCount() + report.getFatalErrorCount();
      System.out.println(path + "\t" + errors + "\t" + report.getWarningCount());
    }
  }
}
