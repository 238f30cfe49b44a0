package org.radiotwin.cli;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.radiotwin.io.AtomicFiles;

/**
 * A self-contained HTML report (no network: figures are inline SVG or base64 PNG) that reads like a
 * short paper appendix: numbered sections, each with what was done, its figures and the numbers
 * that matter. Every figure is also written as a file next to the report.
 */
final class HtmlReport {

  /** A figure: its file name, caption and content (SVG text or PNG bytes). */
  private record Figure(String file, String caption, String svg, byte[] png) {}

  /** A section of the report. */
  static final class Section {
    private final String title;
    private final List<String> blocks = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String[]> numbers = new ArrayList<>();

    private Section(String title) {
      this.title = title;
    }

    /** A paragraph of plain text (escaped). */
    Section text(String paragraph) {
      blocks.add("<p>" + escape(paragraph) + "</p>");
      return this;
    }

    /** A key number stated prominently: a label and its formatted value. */
    Section number(String label, String value) {
      numbers.add(new String[] {label, value});
      return this;
    }

    /** A small table: header row then rows, all plain text. */
    Section table(List<String> header, List<List<String>> rows) {
      StringBuilder s = new StringBuilder("<table><thead><tr>");
      for (String h : header) {
        s.append("<th>").append(escape(h)).append("</th>");
      }
      s.append("</tr></thead><tbody>");
      for (List<String> r : rows) {
        s.append("<tr>");
        for (String c : r) {
          s.append("<td>").append(escape(c)).append("</td>");
        }
        s.append("</tr>");
      }
      blocks.add(s.append("</tbody></table>").toString());
      return this;
    }

    /** An SVG figure. */
    Section svg(String file, String caption, String svg) {
      figures.add(new Figure(file, caption, svg, null));
      return this;
    }

    /** An XChart figure, rendered as PNG. */
    Section chart(String file, String caption, Chart<?, ?> chart) {
      BufferedImage img = BitmapEncoder.getBufferedImage(chart);
      figures.add(new Figure(file, caption, null, png(img)));
      return this;
    }
  }

  private final String title;
  private final List<String> intro = new ArrayList<>();
  private final List<Section> sections = new ArrayList<>();

  HtmlReport(String title) {
    this.title = title;
  }

  /** An introductory paragraph before the first section. */
  HtmlReport intro(String paragraph) {
    intro.add(paragraph);
    return this;
  }

  /** Starts a new numbered section. */
  Section section(String sectionTitle) {
    Section s = new Section(sectionTitle);
    sections.add(s);
    return s;
  }

  /** Writes every figure as a file into the directory. */
  void writeFigures(Path dir) {
    for (Section s : sections) {
      for (Figure f : s.figures) {
        byte[] bytes = f.svg != null ? f.svg.getBytes(StandardCharsets.UTF_8) : f.png;
        AtomicFiles.write(dir.resolve(f.file), out -> out.write(bytes));
      }
    }
  }

  /** The HTML document. */
  String html() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(
            "body{font-family:Georgia,serif;max-width:980px;margin:2em auto;padding:0 1em;"
                + "color:#222;line-height:1.45}\n"
                + "h1{font-size:1.7em}h2{font-size:1.25em;border-bottom:1px solid #ccc;"
                + "padding-bottom:.2em;margin-top:2em}\n"
                + "figure{margin:1em 0;text-align:center}figure img,figure svg{max-width:100%;"
                + "height:auto;border:1px solid #ddd}\n"
                + "figcaption{font-size:.9em;color:#555;margin-top:.3em}\n"
                + ".numbers{display:flex;flex-wrap:wrap;gap:.6em;margin:.8em 0}\n"
                + ".num{background:#f3f6fa;border-left:4px solid #2c6fbb;padding:.4em .7em}\n"
                + ".num b{display:block;font-size:1.25em;font-family:sans-serif}\n"
                + "table{border-collapse:collapse;margin:.8em 0;font-size:.92em}"
                + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}"
                + "th{background:#f0f0f0}\n")
        .append("</style></head><body>\n<h1>")
        .append(escape(title))
        .append("</h1>\n");
    for (String p : intro) {
      h.append("<p>").append(escape(p)).append("</p>\n");
    }
    int n = 0;
    for (Section s : sections) {
      n++;
      h.append("<h2>").append(n).append(". ").append(escape(s.title)).append("</h2>\n");
      if (!s.numbers.isEmpty()) {
        h.append("<div class=\"numbers\">");
        for (String[] kv : s.numbers) {
          h.append("<div class=\"num\">")
              .append(escape(kv[0]))
              .append("<b>")
              .append(escape(kv[1]))
              .append("</b></div>");
        }
        h.append("</div>\n");
      }
      for (String b : s.blocks) {
        h.append(b).append('\n');
      }
      for (Figure f : s.figures) {
        h.append("<figure>");
        if (f.svg != null) {
          h.append(f.svg);
        } else {
          h.append("<img alt=\"")
              .append(escape(f.caption))
              .append("\" src=\"data:image/png;base64,")
              .append(Base64.getEncoder().encodeToString(f.png))
              .append("\">");
        }
        h.append("<figcaption>")
            .append(escape(f.caption))
            .append(" (")
            .append(escape(f.file))
            .append(")</figcaption></figure>\n");
      }
    }
    // Lets a headless browser check that every image decoded (see DemoCommandTest): after the
    // load event the body carries the number of images and of broken ones.
    h.append(
        "<script>window.addEventListener('load',function(){var im=document.images,b=0;"
            + "for(var i=0;i<im.length;i++){if(!im[i].complete||im[i].naturalWidth===0){b++;}}"
            + "document.body.setAttribute('data-images',im.length);"
            + "document.body.setAttribute('data-images-broken',b);});</script>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
