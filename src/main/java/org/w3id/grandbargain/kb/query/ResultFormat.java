package org.w3id.grandbargain.kb.query;

import java.io.OutputStream;
import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;

/** How the command line prints query results: a text table, CSV or SPARQL JSON results. */
public enum ResultFormat {
  TABLE,
  CSV,
  JSON;

  /** Writes the rows in this format. */
  public void write(OutputStream out, ResultSetRewindable rows, Query query) {
    rows.reset();
    switch (this) {
      case TABLE -> ResultSetFormatter.out(out, rows, query.getPrologue());
      case CSV -> ResultSetFormatter.outputAsCSV(out, rows);
      case JSON -> ResultSetFormatter.outputAsJSON(out, rows);
    }
  }
}
