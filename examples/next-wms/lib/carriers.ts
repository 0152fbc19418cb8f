import { logger } from './logger';

interface TrackingEvent {
  status: string;
  at: string;
}

export async function fetchTracking(carrierUrl: string, trackingNumber: string): Promise<TrackingEvent[]> {
  const response = await fetch(`${carrierUrl}/track/${encodeURIComponent(trackingNumber)}`, {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    logger.warn({ status: response.status, trackingNumber }, 'carrier tracking failed');
    return [];
  }
  return (await response.json()) as TrackingEvent[];
}

export async function fetchRates(carrierUrl: string, weightGrams: number): Promise<unknown> {
  try {
    const response = await fetch(`${carrierUrl}/rates?weight=${weightGrams}`, {
      signal: AbortSignal.timeout(10_000),
    });
    return await response.json();
  } catch (error) {
    console.error('carrier rates failed', error);
    return null;
  }
}
