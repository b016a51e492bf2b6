import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ContactReasonsReport, QualityRatesDto } from '@peakplan/contracts';

import { formatNumber, formatPercent } from '../core/format/organisation-format';
import { reasonLabel } from './reason-chart-data';

/** The answer's quality at the peak against ordinary weeks: the queue, then each reason. */
@Component({
  selector: 'pp-reason-quality',
  template: `
    <section class="card" aria-labelledby="quality-heading">
      <h2 id="quality-heading">Quality of the answer: peak against ordinary weeks</h2>
      <p class="muted">
        Repeat contacts: customers who contacted within the previous {{ report().repeatWindowDays }} days. A
        dash: not measured in the imported history.
      </p>
      <div class="table-scroll">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">Contacts</th>
              <th scope="col" class="number">Repeat rate</th>
              <th scope="col" class="number">Transfer rate</th>
              <th scope="col" class="number">NPS</th>
              <th scope="col" class="number">CSAT</th>
            </tr>
          </thead>
          <tbody>
            @for (line of qualityLines(); track line.label) {
              <tr>
                <th scope="row">{{ line.label }}</th>
                <td class="number">{{ percent(line.rates.repeatRate) }}</td>
                <td class="number">{{ percent(line.rates.transferRate) }}</td>
                <td class="number">{{ number(line.rates.nps, 0) }}</td>
                <td class="number">{{ percent(line.rates.csat) }}</td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>
  `,
  styles: `
    .table-scroll {
      overflow-x: auto;
      max-width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonQualityComponent {
  readonly report = input.required<ContactReasonsReport>();

  protected readonly qualityLines = computed(() => {
    const report = this.report();
    const lines: { label: string; rates: QualityRatesDto }[] = [
      { label: 'All, at the peak', rates: report.quality.peak },
      { label: 'All, ordinary weeks', rates: report.quality.ordinary },
    ];
    for (const reason of report.quality.reasons)
      lines.push(
        { label: `${reasonLabel(reason.reason)}, at the peak`, rates: reason.peak },
        { label: `${reasonLabel(reason.reason)}, ordinary weeks`, rates: reason.ordinary },
      );
    return lines;
  });

  protected number(value: number | null, digits = 0): string {
    return formatNumber(value, digits);
  }

  protected percent(value: number | null): string {
    return formatPercent(value);
  }
}
