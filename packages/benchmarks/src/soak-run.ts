/** Child process: the soak (local cloud at a fixed event rate), in a process of its own so its memory is its own. */
import { runSoak, type SoakResult } from '@sluice/proof';
import { childMain } from './child-process';
import { SoakSpec } from './suite-specs';

async function soak(spec: SoakSpec): Promise<SoakResult> {
  return runSoak({ rate: spec.rate, durationSeconds: spec.seconds });
}

childMain(SoakSpec, soak, (spec) => spec.resultFile);
