package uk.signpost.web;

import java.util.LinkedHashSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import uk.signpost.geo.Gazetteer;

/**
 * What every page's frame shows, whichever feature's controller rendered it (error pages
 * too): how many services the person keeps, for "Your list (n)", the ids kept, so a card
 * says "In your list", and the attribution the official postcode and place files in use
 * require, in the footer. An interceptor on every request, so a new feature's pages
 * cannot be left out (WebConfiguration registers it).
 */
@Component
class PageFrame implements HandlerInterceptor {

	private final Gazetteer gazetteer;

	PageFrame(Gazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || (page.getViewName() != null && page.getViewName().startsWith("redirect:"))) {
			return;
		}
		var kept = YourList.read(request);
		page.addObject("listSize", kept.size());
		page.addObject("listIds", new LinkedHashSet<>(kept));
		page.addObject("attribution", this.gazetteer.attribution());
	}

}
