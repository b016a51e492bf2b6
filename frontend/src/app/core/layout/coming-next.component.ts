import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** An honest "not built yet" panel: what this area will do, with no invented numbers. */
@Component({
  selector: 'pp-coming-next',
  template: `
    <section class="card coming" [attr.aria-labelledby]="headingId()">
      <span class="tag">Not available yet</span>
      <h2 [id]="headingId()">{{ heading() }}</h2>
      <ul>
        @for (item of items(); track item) {
          <li>{{ item }}</li>
        }
      </ul>
      <ng-content />
    </section>
  `,
  styles: `
    .coming {
      border-style: dashed;
    }
    .tag {
      display: inline-block;
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.02em;
      text-transform: uppercase;
      color: #92400e;
      background: #fef3c7;
      border-radius: 999px;
      padding: 0.15rem 0.6rem;
    }
    h2 {
      margin: 0.6rem 0 0.5rem;
    }
    ul {
      margin: 0;
      padding-left: 1.25rem;
      line-height: 1.7;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComingNextComponent {
  readonly heading = input.required<string>();
  readonly headingId = input.required<string>();
  readonly items = input.required<string[]>();
}
