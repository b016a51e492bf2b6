import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  NotificationSettingsDto,
  PoolMessageDto,
  UpdateNotificationSettingsRequest,
} from '@peakplan/contracts';
import { Observable } from 'rxjs';

/** The pool member's own messages and which kinds of message they want. */
@Injectable({ providedIn: 'root' })
export class PoolMessagesApi {
  private readonly http = inject(HttpClient);

  myMessages(): Observable<PoolMessageDto[]> {
    return this.http.get<PoolMessageDto[]>('/api/pool/me/messages');
  }

  settings(): Observable<NotificationSettingsDto> {
    return this.http.get<NotificationSettingsDto>('/api/pool/me/notification-settings');
  }

  saveSettings(request: UpdateNotificationSettingsRequest): Observable<NotificationSettingsDto> {
    return this.http.put<NotificationSettingsDto>('/api/pool/me/notification-settings', request);
  }
}
