/** Post-peak reviews: forecast against actual and staffing in hindsight (filled in by the hindsight work). */
export {};
