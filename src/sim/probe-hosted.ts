/**
 * `GET /v1/models` as hosted APIs answer it. OpenAI's listing names no window; the gateways each put the
 * window (and the output cap) in fields of their own, which is all keel can learn of a hosted model's
 * limits before it is refused (issue 10 §9). Bodies as documented (facts and citations in
 * /work/notes/upstream-servers.md §6):
 * - Groq (console.groq.com/docs/api-reference, "List models", 2026): `context_window`,
 *   `max_completion_tokens`, `active`, `public_apps`.
 * - Mistral (api.mistral.ai OpenAPI `BaseModelCard`, 2026): `max_context_length`, `capabilities`, `type`.
 * - OpenRouter (openrouter.ai/docs/models, "API Response Schema", 2026): `context_length`, and
 *   `top_provider.{context_length, max_completion_tokens}`, both nullable; no `object` or `owned_by`.
 */
import type { HostedListing } from './modes.ts';
import { CREATED } from './probe-common.ts';

export interface HostedModel {
  id: string;
  window: number;
  /** The model's output cap, when the simulated model has one. */
  outputCap: number | undefined;
}

export function hostedListingEntry(listing: HostedListing, model: HostedModel): Record<string, unknown> {
  const { id, window, outputCap } = model;
  switch (listing) {
    case 'openai':
      return { id, object: 'model', created: CREATED, owned_by: 'system' };
    case 'groq':
      return {
        id,
        object: 'model',
        created: CREATED,
        owned_by: 'Groq',
        active: true,
        context_window: window,
        public_apps: null,
        max_completion_tokens: outputCap ?? window,
      };
    case 'mistral':
      return {
        id,
        object: 'model',
        created: CREATED,
        owned_by: 'mistralai',
        capabilities: { completion_chat: true, completion_fim: false, function_calling: true, vision: false },
        name: id,
        description: `${id} (simulated)`,
        max_context_length: window,
        aliases: [],
        deprecation: null,
        default_model_temperature: 0.3,
        type: 'base',
      };
    case 'openrouter':
      return {
        id,
        canonical_slug: id,
        name: id,
        created: CREATED,
        description: `${id} (simulated)`,
        context_length: window,
        architecture: { modality: 'text->text', input_modalities: ['text'], output_modalities: ['text'] },
        pricing: { prompt: '0', completion: '0' },
        top_provider: {
          context_length: window,
          max_completion_tokens: outputCap ?? null,
          is_moderated: false,
        },
        per_request_limits: null,
        supported_parameters: ['max_tokens', 'response_format', 'structured_outputs', 'temperature'],
      };
  }
}
