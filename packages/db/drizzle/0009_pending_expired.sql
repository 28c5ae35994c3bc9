ALTER TYPE "public"."club_request_status" ADD VALUE 'expired';--> statement-breakpoint
ALTER TYPE "public"."friend_request_status" ADD VALUE 'expired';