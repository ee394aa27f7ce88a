/**
 * Every rule pack in reference/statutory/, imported as JSON so they are bundled with the code and
 * read once at module load (no I/O at decision time). Add a new pack file here too.
 */
import ae_pack from "../../../reference/statutory/ae.json" with { type: "json" };
import ar_pack from "../../../reference/statutory/ar.json" with { type: "json" };
import au_pack from "../../../reference/statutory/au.json" with { type: "json" };
import br_pack from "../../../reference/statutory/br.json" with { type: "json" };
import ca_pack from "../../../reference/statutory/ca.json" with { type: "json" };
import ca_bc_pack from "../../../reference/statutory/ca-bc.json" with { type: "json" };
import ca_on_pack from "../../../reference/statutory/ca-on.json" with { type: "json" };
import ca_qc_pack from "../../../reference/statutory/ca-qc.json" with { type: "json" };
import ch_pack from "../../../reference/statutory/ch.json" with { type: "json" };
import cl_pack from "../../../reference/statutory/cl.json" with { type: "json" };
import cn_pack from "../../../reference/statutory/cn.json" with { type: "json" };
import co_pack from "../../../reference/statutory/co.json" with { type: "json" };
import de_pack from "../../../reference/statutory/de.json" with { type: "json" };
import default_pack from "../../../reference/statutory/default.json" with { type: "json" };
import eea_pack from "../../../reference/statutory/eea.json" with { type: "json" };
import es_pack from "../../../reference/statutory/es.json" with { type: "json" };
import eu_pack from "../../../reference/statutory/eu.json" with { type: "json" };
import fr_pack from "../../../reference/statutory/fr.json" with { type: "json" };
import gb_pack from "../../../reference/statutory/gb.json" with { type: "json" };
import ie_pack from "../../../reference/statutory/ie.json" with { type: "json" };
import il_pack from "../../../reference/statutory/il.json" with { type: "json" };
import in_pack from "../../../reference/statutory/in.json" with { type: "json" };
import it_pack from "../../../reference/statutory/it.json" with { type: "json" };
import jp_pack from "../../../reference/statutory/jp.json" with { type: "json" };
import kr_pack from "../../../reference/statutory/kr.json" with { type: "json" };
import mx_pack from "../../../reference/statutory/mx.json" with { type: "json" };
import nl_pack from "../../../reference/statutory/nl.json" with { type: "json" };
import no_pack from "../../../reference/statutory/no.json" with { type: "json" };
import nz_pack from "../../../reference/statutory/nz.json" with { type: "json" };
import pl_pack from "../../../reference/statutory/pl.json" with { type: "json" };
import ru_pack from "../../../reference/statutory/ru.json" with { type: "json" };
import sa_pack from "../../../reference/statutory/sa.json" with { type: "json" };
import se_pack from "../../../reference/statutory/se.json" with { type: "json" };
import sg_pack from "../../../reference/statutory/sg.json" with { type: "json" };
import tr_pack from "../../../reference/statutory/tr.json" with { type: "json" };
import us_pack from "../../../reference/statutory/us.json" with { type: "json" };
import us_ca_pack from "../../../reference/statutory/us-ca.json" with { type: "json" };
import us_ny_pack from "../../../reference/statutory/us-ny.json" with { type: "json" };
import za_pack from "../../../reference/statutory/za.json" with { type: "json" };

/** The raw (unvalidated) pack files, in file-name order. */
export const PACK_FILES: readonly unknown[] = [
  ae_pack,
  ar_pack,
  au_pack,
  br_pack,
  ca_bc_pack,
  ca_on_pack,
  ca_qc_pack,
  ca_pack,
  ch_pack,
  cl_pack,
  cn_pack,
  co_pack,
  de_pack,
  default_pack,
  eea_pack,
  es_pack,
  eu_pack,
  fr_pack,
  gb_pack,
  ie_pack,
  il_pack,
  in_pack,
  it_pack,
  jp_pack,
  kr_pack,
  mx_pack,
  nl_pack,
  no_pack,
  nz_pack,
  pl_pack,
  ru_pack,
  sa_pack,
  se_pack,
  sg_pack,
  tr_pack,
  us_ca_pack,
  us_ny_pack,
  us_pack,
  za_pack,
];
